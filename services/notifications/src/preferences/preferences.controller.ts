// The caller's channel preferences.
import { roles, type Principal } from '@cttech/auth';
import { Caller, Roles } from '@cttech/service-http';
import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { preferenceBody, type PreferenceChoice } from './preference-rules.ts';
import { PreferenceStore } from './preference-store.ts';

@Controller('me/preferences')
@Roles(...roles)
export class PreferencesController {
  private readonly preferences: PreferenceStore;

  constructor(@Inject(PreferenceStore) preferences: PreferenceStore) {
    this.preferences = preferences;
  }

  @Get()
  get(@Caller() caller: Principal) {
    return this.preferences.get(caller);
  }

  @Put()
  put(@Caller() caller: Principal, @Body({ schema: preferenceBody }) body: PreferenceChoice) {
    return this.preferences.put(caller, body);
  }
}
