import { readFile, stat } from "node:fs/promises";

// 5 MiB: the largest source file (FairEmail's list) is about 100 KiB; anything far larger is
// not a provider list, and reading it whole would cost memory for nothing.
export const MAX_SOURCE_FILE_BYTES = 5 * 1024 * 1024;

export class SourceFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = "SourceFileError";
  }
}

// Reads a dataset file as strict UTF-8: a stray Latin-1 byte would otherwise become U+FFFD in a
// provider's name without anyone noticing.
export async function readSourceText(file: string, maxBytes: number = MAX_SOURCE_FILE_BYTES): Promise<string> {
  const { size } = await stat(file);
  if (size > maxBytes) throw new SourceFileError(file, `is ${size} bytes, over the limit of ${maxBytes}`);
  const bytes = await readFile(file);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new SourceFileError(file, "is not valid UTF-8");
  }
}
