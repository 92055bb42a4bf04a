// Pseudonymous participants of a course activity: registered with a generated id, their name
// and contact sealed before they reach the database, opened for the state's officer only, and
// erasable while the pseudonymous record and its attendance stay.
import { randomUUID } from 'node:crypto';
import { hasRole, type Principal } from '@cttech/auth';
import { PersonalText } from '@cttech/personal-data';
import { z } from 'zod';
import type { ActivityAccess } from '../activities/activity-access.ts';
import type { ActivityPath, ParticipantPath } from '../activities/activity-paths.ts';
import { isCourse } from '../activities/activity-kinds.ts';
import type { ActivitiesDatabase } from '../database.ts';
import { ActivitiesError } from '../errors.ts';
import type { ActivitiesLogger } from '../logger.ts';
import type { PersonalDetails } from './personal-details.ts';
import {
  participantView,
  participantWithPersonalData,
  type Participant,
  type ParticipantView,
  type ParticipantWithPersonalData,
} from './participant-views.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
/** Personal data leaves the validation wrapped: it prints as `[personal data]` from here on. */
const personal = (max: number) =>
  text(max)
    .transform((value) => new PersonalText(value))
    .optional();

/** A participant: sex, agency and role; a name and contact only where needed. */
export const registerParticipantBody = z.strictObject({
  sex: z.enum(['WOMAN', 'MAN', 'UNDISCLOSED']),
  agency: text(200),
  role: text(200),
  name: personal(200),
  /** An e-mail address or telephone number. */
  contact: personal(320),
});

export type RegisterParticipant = z.infer<typeof registerParticipantBody>;

export interface ParticipantRegistryOptions {
  readonly database: ActivitiesDatabase;
  readonly access: ActivityAccess;
  readonly personalDetails: PersonalDetails;
  readonly logger: ActivitiesLogger;
}

export class ParticipantRegistry {
  private readonly options: ParticipantRegistryOptions;

  constructor(options: ParticipantRegistryOptions) {
    this.options = options;
  }

  async register(
    principal: Principal,
    path: ActivityPath,
    body: RegisterParticipant,
  ): Promise<ParticipantView> {
    const { database, access, personalDetails, logger } = this.options;
    const { activityId } = path;
    await access.activity(principal, path);
    const id = `participant-${randomUUID()}`;
    const participant = await database.$transaction(async (tx) => {
      const activity = await access.lockOpen(tx, activityId);
      if (!isCourse(activity.kind)) {
        throw new ActivitiesError(
          'NOT_A_COURSE',
          `activity ${activityId} is a ${activity.kind}; participants are registered on courses`,
        );
      }
      return tx.participant.create({
        data: {
          id,
          activityId,
          sex: body.sex,
          agency: body.agency,
          role: body.role,
          sealedName: personalDetails.seal(id, 'name', body.name),
          sealedContact: personalDetails.seal(id, 'contact', body.contact),
          registeredBy: principal.userId,
          registeredAt: new Date(),
        },
      });
    });
    logger.log(`participant ${id} registered on activity ${activityId} by ${principal.userId}`);
    return participantView(participant, 0);
  }

  async list(principal: Principal, path: ActivityPath): Promise<ParticipantView[]> {
    const { database, access } = this.options;
    await access.activity(principal, path);
    const participants = await database.participant.findMany({
      where: { activityId: path.activityId },
      orderBy: [{ registeredAt: 'asc' }, { id: 'asc' }],
      include: { _count: { select: { attendance: true } } },
    });
    return participants.map((participant) =>
      participantView(participant, participant._count.attendance),
    );
  }

  /**
   * One participant. The partner state's programme officer sees the name and contact opened
   * (and the opening is logged, by ids); everyone else the pseudonymous record only.
   */
  async read(
    principal: Principal,
    path: ParticipantPath,
  ): Promise<ParticipantView | ParticipantWithPersonalData> {
    const { access, personalDetails, logger } = this.options;
    await access.activity(principal, path);
    const { participant, view } = await this.find(path);
    if (!hasRole(principal, 'PROGRAMME_OFFICER')) return view;
    let opened;
    try {
      opened = {
        name: personalDetails.open(participant.id, 'name', participant.sealedName),
        contact: personalDetails.open(participant.id, 'contact', participant.sealedContact),
      };
    } catch (error) {
      // for the operator: which row, and why (altered, moved, or a key missing from the keyring)
      if (error instanceof ActivitiesError)
        logger.warn(`participant ${participant.id}: ${error.message}`);
      throw error;
    }
    if (opened.name || opened.contact) {
      logger.log(`participant ${participant.id} personal data opened by ${principal.userId}`);
    }
    return participantWithPersonalData(view, opened);
  }

  /** Erases the name and contact; the pseudonymous record and its attendance stay. */
  async erase(principal: Principal, path: ParticipantPath): Promise<ParticipantView> {
    const { database, access, logger } = this.options;
    const { participantId } = path;
    await access.activity(principal, path);
    const found = await this.find(path);
    if (found.participant.personalDataErasedAt) return found.view;
    const erased = await database.participant.update({
      where: { id: participantId },
      data: {
        sealedName: null,
        sealedContact: null,
        personalDataErasedBy: principal.userId,
        personalDataErasedAt: new Date(),
      },
    });
    logger.log(`participant ${participantId} personal data erased by ${principal.userId}`);
    return participantView(erased, found.view.sessionsAttended);
  }

  private async find({
    activityId,
    participantId,
  }: ParticipantPath): Promise<{ participant: Participant; view: ParticipantView }> {
    const participant = await this.options.database.participant.findFirst({
      where: { id: participantId, activityId },
      include: { _count: { select: { attendance: true } } },
    });
    if (!participant) {
      throw new ActivitiesError(
        'PARTICIPANT_NOT_FOUND',
        `activity ${activityId} has no participant ${participantId}`,
      );
    }
    return { participant, view: participantView(participant, participant._count.attendance) };
  }
}
