/** The press room's contacts: who speaks for the agency, in the order and with the roles the page shows. */
import type { PersonContact, Spokesperson } from '@thads/shared';

/** The vCard file of the spokesperson and deputy (src/pages/bao-chi/[contacts].vcf.ts). */
export const SPOKESPERSON_VCARD = { name: 'nguoi-phat-ngon', href: '/bao-chi/nguoi-phat-ngon.vcf' } as const;

export type SpeakerContact = { person: PersonContact; role: string; key: 'nguoi-phat-ngon' | 'nguoi-duoc-giao-phat-ngon' };

/** The spokesperson, then the deputy when there is one. */
export function spokespersonContacts(s: Pick<Spokesperson, 'spokesperson' | 'deputy'>): SpeakerContact[] {
  return [
    { person: s.spokesperson, role: 'Người phát ngôn', key: 'nguoi-phat-ngon' as const },
    ...(s.deputy ? [{ person: s.deputy, role: 'Người được giao nhiệm vụ phát ngôn', key: 'nguoi-duoc-giao-phat-ngon' as const }] : []),
  ];
}
