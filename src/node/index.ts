export { saveModel, loadModelFile } from "./model-file.js";
export { readCsvFile } from "./csv-file.js";
