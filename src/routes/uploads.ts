import multer from 'multer';

/**
 * One file per form, held in memory (the services judge it from its bytes before storing it).
 * Browsers send file names as UTF-8 without saying so; multer's default would read an Arabic
 * name as Latin-1 and store it garbled.
 */
export function singleFileUploads(maxUploadBytes: number, fields = 10) {
  return multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxUploadBytes, files: 1, fields },
    defParamCharset: 'utf8',
  });
}
