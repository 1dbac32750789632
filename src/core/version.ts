/** The package version written into every saved model (kept equal to package.json by a test). */
export const LIBRARY_VERSION = "0.1.0";
