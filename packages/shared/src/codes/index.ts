export * from './creditCode';
export * from './division';
export * from './idNumber';
