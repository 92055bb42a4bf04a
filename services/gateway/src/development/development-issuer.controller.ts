import { Body, Controller, Get, Inject, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { demoUser, demoUsers, type DevelopmentIssuer } from '@cttech/auth';
import { z } from 'zod';
import { Public } from '../access/access-rules.ts';
import { GatewayError } from '../problem.ts';

export const DEVELOPMENT_ISSUER = Symbol('DevelopmentIssuer');

const tokenRequest = z.strictObject({ userId: z.string().min(1).max(100) });

/**
 * LOCAL USE ONLY (AUTH_DEV_ISSUER=true, refused in production): the development issuer's
 * public keys and tokens for the seeded demo users, so that the API can be tried without an
 * identity provider. Not registered at all otherwise.
 */
@ApiTags('development (local only)')
@Controller('dev')
export class DevelopmentIssuerController {
  constructor(@Inject(DEVELOPMENT_ISSUER) private readonly issuer: DevelopmentIssuer) {}

  @Get('jwks.json')
  @Public()
  @ApiOperation({ summary: "Local only: the development issuer's public keys" })
  jwks() {
    return this.issuer.jwks();
  }

  @Get('users')
  @Public()
  @ApiOperation({
    summary: 'Local only: the seeded demo users (never real people), to sign in as',
  })
  users() {
    return {
      users: demoUsers.map(({ userId, name, roles, partnerStates }) => ({
        userId,
        name,
        roles,
        partnerStates,
      })),
    };
  }

  @Post('tokens')
  @Public()
  @ApiOperation({ summary: 'Local only: an access token for a seeded demo user' })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['userId'],
      additionalProperties: false,
      properties: { userId: { type: 'string', enum: demoUsers.map((user) => user.userId) } },
    },
  })
  async token(@Body({ schema: tokenRequest }) body: z.infer<typeof tokenRequest>) {
    const user = demoUser(body.userId);
    if (!user) {
      throw new GatewayError('INVALID_REQUEST', `no demo user ${body.userId}`, [
        {
          field: 'userId',
          message: `must be one of: ${demoUsers.map((demo) => demo.userId).join(', ')}`,
        },
      ]);
    }
    const expiresInSeconds = 3_600;
    return {
      accessToken: await this.issuer.mint(user, { expiresInSeconds }),
      tokenType: 'Bearer',
      expiresIn: expiresInSeconds,
      user,
    };
  }
}
