export { diskFileStore } from './disk.js';
export { type FileStore, isStorageKey, MissingFileError, newStorageKey } from './file-store.js';
export { type S3Options, s3FileStore } from './s3.js';
export { EMPTY_SHA256, type S3Credentials, type SignInput, sha256Hex, signV4, uriEncode } from './sigv4.js';
