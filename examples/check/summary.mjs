// node:test reporter: one closing line, "examples: N passed, N failed", counting tests (not suites).
export default async function* summary(source) {
  let passed = 0;
  let failed = 0;
  for await (const event of source) {
    const isTest = event.data?.details?.type !== 'suite';
    if (event.type === 'test:pass' && isTest && !event.data.skip && !event.data.todo) passed++;
    if (event.type === 'test:fail' && isTest) failed++;
  }
  yield `examples: ${passed} passed, ${failed} failed\n`;
}
