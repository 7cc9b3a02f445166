export { type AttachmentsOptions, Attachments, type Download, type LinkInput, tooLarge, type UploadInput, type Uploader } from './attachments.js';
export { isInlineType, OCTET_STREAM, sniffContentType, type SniffedType, TEXT_PLAIN } from './content-type.js';
export { contentDisposition, fileNameForType, MAX_FILE_NAME, safeFileName } from './file-name.js';
export { attachmentUrl, signAttachmentId, verifyAttachmentSignature } from './signature.js';
