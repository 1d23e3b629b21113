export * from './codes/index';
export * from './errors';
export * from './format';
export * from './roles';
