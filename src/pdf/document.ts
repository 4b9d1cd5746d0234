/**
 * Reading and writing PDFs with pdf-lib, the same way everywhere. pdf-lib pauses every 100
 * objects by default so as not to block a browser's event loop; a Chrome PDF has thousands of
 * objects (the tagged structure tree), and each pause is a timer, so that default tripled the
 * time of a save. Here nothing else waits on the event loop for long, so the work is done in
 * one go. Object streams are not written, as Chrome uses none.
 */
import { ParseSpeeds, PDFDocument } from 'pdf-lib';

export function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

export function createPdf(): Promise<PDFDocument> {
  return PDFDocument.create({ updateMetadata: false });
}

export function savePdf(doc: PDFDocument): Promise<Uint8Array> {
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: Infinity });
}
