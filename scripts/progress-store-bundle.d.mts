// Types for the tests that run the bundled progress store in child processes.
export function bundleProgressStore(outfile: string): Promise<string>;
