/** Injection tokens of the service runtime. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const SERVICE_NAME = Symbol('SERVICE_NAME');
export const KAFKA = Symbol('KAFKA');
