import { PeopleController } from './people.controller.js';

export const PEOPLE_CONTROLLERS = [PeopleController];
export { PeopleNamesInterceptor } from './people-names.interceptor.js';
