// Payload classes carry decorator metadata; whoever loads the contracts gets the polyfill.
import 'reflect-metadata';
export * from './topics';
export * from './topic-ownership';
export * from './envelope';
export * from './catalog';
export * from './validation';
export * from './payloads/common';
export * from './payloads/registration.payloads';
export * from './payloads/screening.payloads';
export * from './payloads/skb.payloads';
export * from './payloads/interview.payloads';
export * from './payloads/placement.payloads';
export * from './kk-digest';
export * from './agency-time';
export * from './handover-gaps';
export * from './personal-data';
