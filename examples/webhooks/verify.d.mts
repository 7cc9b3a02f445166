/** Types of verify.mjs (for TypeScript receivers and Parley's own tests). */
export declare const DEFAULT_TOLERANCE_SECONDS: number;
export declare function parseSignatureHeader(header: unknown): { t: number; signatures: string[] } | null;
export declare function verifyParleySignature(
  rawBody: string | Buffer,
  header: string | string[] | undefined,
  secret: string,
  options?: { toleranceSeconds?: number; nowSeconds?: number },
): boolean;
