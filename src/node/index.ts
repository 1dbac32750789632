export { saveModel, loadModelFile } from "./model-file.js";
export { readCsvFile, writeCsvFile } from "./csv-file.js";
export { writeFileAtomic } from "./atomic-write.js";
export { WorkerPool, type WorkerPoolOptions } from "./worker-pool.js";
export type { WorkerKind } from "./pool-workers.js";
