// Participants as the HTTP API returns them: pseudonymous fields, and the opened name and
// contact only where the caller may see them.
import type { PersonalText } from '@cttech/personal-data';
import type { Participant } from '../../generated/prisma/client.ts';

export type { Participant };

/** Whether the participant's personal data is kept (sealed), was never given, or was erased. */
export type PersonalDataState = 'SEALED' | 'NONE' | 'ERASED';

/** What anyone allowed to see participants sees: no name, no contact. */
export function participantView(participant: Participant, sessionsAttended: number) {
  const sealed = participant.sealedName !== null || participant.sealedContact !== null;
  const personalData: PersonalDataState = participant.personalDataErasedAt
    ? 'ERASED'
    : sealed
      ? 'SEALED'
      : 'NONE';
  return {
    id: participant.id,
    activityId: participant.activityId,
    sex: participant.sex,
    agency: participant.agency,
    role: participant.role,
    registeredBy: participant.registeredBy,
    registeredAt: participant.registeredAt.toISOString(),
    sessionsAttended,
    personalData,
    personalDataErasedAt: participant.personalDataErasedAt?.toISOString() ?? null,
  };
}

export type ParticipantView = ReturnType<typeof participantView>;

/** What the state's programme officer sees: the same, with the name and contact opened. */
export function participantWithPersonalData(
  view: ParticipantView,
  opened: { name: PersonalText | null; contact: PersonalText | null },
) {
  return {
    ...view,
    name: opened.name?.reveal() ?? null,
    contact: opened.contact?.reveal() ?? null,
  };
}

export type ParticipantWithPersonalData = ReturnType<typeof participantWithPersonalData>;
