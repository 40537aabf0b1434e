import type { Prisma } from '../generated/prisma/client';

/** Domain objects are plain JSON data; Prisma's JSON input type cannot see that through their interfaces. */
export const asJson = (value: object): Prisma.InputJsonValue => value as Prisma.InputJsonValue;
