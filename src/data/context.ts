import { createContext } from '@lit/context';
import type { TraceStore } from './store.js';

/** The store a `<user-trace>` container shares with the user-trace elements inside it. */
export const traceStoreContext = createContext<TraceStore>(Symbol.for('user-trace.store'));
