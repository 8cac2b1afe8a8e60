export * from './common';
export * from './page';
export * from './fraud';
export * from './sla';
export * from './templates';
export * from './api';
export * from './disputes';
export * from './admin';
