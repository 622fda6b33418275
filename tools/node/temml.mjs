// Turn TeX into MathML with Temml for hooks/formulas.py, once per build, so no math
// engine runs in the reader's browser.
// Protocol: one JSON request per line on stdin, {"tex": "...", "display": true|false};
// one JSON answer per line on stdout, {"mathml": "..."} or {"error": "..."}.
import temml from "temml";
import readline from "node:readline";

const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) {
  const { tex, display } = JSON.parse(line);
  let answer;
  try {
    answer = {
      mathml: temml.renderToString(tex, {
        displayMode: display,
        throwOnError: true,
        strict: true,
      }),
    };
  } catch (error) {
    answer = { error: String(error.message || error) };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
}
