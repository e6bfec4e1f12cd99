import { SnapshotsController } from './snapshots.controller.js';

export const SNAPSHOT_CONTROLLERS = [SnapshotsController];
