// Prints the closing line CI reads: `tests: N passed, M failed`.
class CiSummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    process.stdout.write(`\ntests: ${results.numPassedTests} passed, ${failed} failed\n`);
  }
}
module.exports = CiSummaryReporter;
