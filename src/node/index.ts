export { saveModel, loadModelFile } from "./model-file.js";
export { readCsvFile } from "./csv-file.js";
export { WorkerPool } from "./worker-pool.js";
