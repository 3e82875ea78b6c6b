import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Principal } from './principal';
import { Role } from './roles';

export const PUBLIC_ROUTE = 'seleksi:public';
export const REQUIRED_ROLES = 'seleksi:roles';

/** No token needed (health, metrics, sign-up, login). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Any one of these roles is enough. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const request = ctx.switchToHttp().getRequest<{ principal?: Principal }>();
  if (!request.principal) throw new Error('CurrentPrincipal used on a route without authentication');
  return request.principal;
});
