// Imported first by main.tsx, for its side effect: see data/earlyRequests.ts.
import { requestEarly } from '@/data/earlyRequests';

requestEarly();
