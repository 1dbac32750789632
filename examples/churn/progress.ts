// A progress display for long fits: one rewritten line on a terminal, a line per finished task in logs.
import type { FitProgress } from "tabkit";

export function progressPrinter(stream: NodeJS.WriteStream = process.stderr): { report: (progress: FitProgress) => void; end: () => void } {
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(0).padStart(4) + " s";
  let open = false;
  const report = ({ task, done, total }: FitProgress) => {
    const fraction = total > 0 ? done / total : 1;
    if (stream.isTTY) {
      const width = 24;
      const bar = "█".repeat(Math.round(fraction * width)).padEnd(width, "·");
      stream.write(`\r\x1b[2K${seconds()}  ${bar} ${String(Math.round(fraction * 100)).padStart(3)}%  ${task}`);
      open = true;
      return;
    }
    // Logs get a line when a task ends.
    if (done === total && total > 0) stream.write(`${seconds()}  ${task}: ${done}/${total}\n`);
  };
  const end = () => {
    if (open) stream.write("\r\x1b[2K");
    open = false;
  };
  return { report, end };
}
