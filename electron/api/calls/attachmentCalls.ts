import { z } from 'zod';
import { permissionFor } from '../../../domain/access/permissions';
import { attachmentHash } from '../../../domain/attachments';
import { success } from '../../../domain/result';
import { groups } from '../../../domain/settings/catalogue';
import { syncLimits } from '../../../domain/sync/protocol';
import { call } from '../define';

const groupKey = z.enum(groups.map((group) => group.key) as [string, ...string[]]);
/** The largest file the cloud takes, as base64 (4 characters per 3 bytes). */
const base64 = z.string().min(1).max(Math.ceil(syncLimits.blobBytes / 3) * 4).regex(/^[A-Za-z0-9+/]+={0,2}$/);

export const attachmentCalls = {
  /**
   * A file chosen for an upload field (logo, terms PDF): checked against that field and stored
   * once by its hash. The answer is the reference the settings write then carries; the write is
   * what changes the setting, so the same rights apply here.
   */
  'attachments.upload': call({
    input: z.object({ group: groupKey, field: z.string().min(1).max(100), name: z.string().max(1000), data: base64 }),
    permission: ({ group }) => permissionFor(group, 'edit'),
    run: ({ group, field, name, data }, { services, lang }) => services.attachments.upload({ group, field, name, bytes: Buffer.from(data, 'base64') }, lang),
  }),
  /** A file by its hash, fetched from the cloud the first time when another workstation uploaded it. */
  'attachments.read': call({
    input: z.object({ hash: attachmentHash }),
    permission: 'session',
    run: async ({ hash }, { services }) => success(await services.attachments.content(hash)),
  }),
};
