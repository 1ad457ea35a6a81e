// The spec reporter on the console and JUnit XML (mocha's xunit) in a file at once; the file is
// named by JUNIT_FILE (default reports/acceptance/junit.xml under the repository).
const path = require('node:path');
const fs = require('node:fs');
const { reporters } = require('mocha');

const junitFile =
  process.env.JUNIT_FILE || path.resolve(__dirname, '../../reports/acceptance/junit.xml');

class SpecAndJUnit extends reporters.Base {
  constructor(runner, options) {
    super(runner, options);
    fs.mkdirSync(path.dirname(junitFile), { recursive: true });
    new reporters.Spec(runner, options);
    new reporters.XUnit(runner, {
      ...options,
      reporterOptions: { output: junitFile, suiteName: 'acceptance' },
    });
  }
}

module.exports = SpecAndJUnit;
