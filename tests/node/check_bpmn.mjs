// Reads each BPMN file named on the command line with bpmn-moddle, as bpmn-js and Camunda
// Modeler do, and prints one JSON object: file -> the warnings (and error) the reader reports.
import { readFileSync } from "node:fs";
import BpmnModdle from "bpmn-moddle";

const moddle = new BpmnModdle();
const report = {};
for (const file of process.argv.slice(2)) {
  try {
    const { rootElement, warnings } = await moddle.fromXML(readFileSync(file, "utf8"));
    report[file] = {
      root: rootElement.$type,
      warnings: warnings.map((w) => w.message),
    };
  } catch (error) {
    report[file] = { error: String(error.message || error), warnings: (error.warnings || []).map((w) => w.message) };
  }
}
process.stdout.write(JSON.stringify(report));
