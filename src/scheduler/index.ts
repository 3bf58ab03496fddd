export { Scheduler, errorCode } from './scheduler';
export type {
  JobContext,
  JobHandler,
  KindCounts,
  ScheduleRequest,
  ScheduledJob,
  SchedulerOptions,
  TickOptions,
  TickSummary,
} from './scheduler';
export { JobStore, bucketOf } from '../storage/jobs';
export type { Job, JobRef, JobRow, JobStatus } from '../storage/jobs';
