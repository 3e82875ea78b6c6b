export * from './database-settings';
export * from './service-data-source';
export * from './parameter-free-logger';
export * from './provision';
