// The election worker thread's entry (Piscina loads it: crypto-pool.ts).
// Plain JavaScript on purpose: a worker thread inherits no TypeScript loader,
// neither under the server (run with tsx) nor under vitest, so it registers
// tsx and then loads the tasks, which are TypeScript.
import { register } from 'tsx/esm/api';

register();
const tasks = await import('./crypto-tasks.ts');

export const { credentials, checkBallot, tally } = tasks;
