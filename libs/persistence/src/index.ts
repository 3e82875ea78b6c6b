export * from './database-settings';
export * from './service-data-source';
export * from './provision';
