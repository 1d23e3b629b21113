export * from './codes/index';
export * from './errors';
export * from './roles';
export * from './format';
