import { ProjectionsController } from './projections.controller.js';
import { ViewsController } from './views.controller.js';

export const QUERY_CONTROLLERS = [ViewsController, ProjectionsController];
