export { saveModel, loadModelFile } from "./model-file.js";
export { readCsvFile, writeCsvFile } from "./csv-file.js";
export { writeFileAtomic } from "./atomic-write.js";
export { WorkerPool } from "./worker-pool.js";
