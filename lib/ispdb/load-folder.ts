import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { IspdbFile } from "@/lib/ispdb/plan-import";

// The only file-system part of an import: every .xml file directly in the folder, in name order.
// A file that cannot be read is passed on as such, to be reported with the others.
export async function readIspdbFolder(folder: string): Promise<IspdbFile[]> {
  const names = (await readdir(folder, { withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith(".xml"))
    .map((e) => e.name)
    .sort();
  const files: IspdbFile[] = [];
  for (const file of names) {
    try {
      files.push({ file, text: await readFile(path.join(folder, file), "utf8") });
    } catch (error) {
      files.push({ file, readError: (error as Error).message });
    }
  }
  return files;
}
