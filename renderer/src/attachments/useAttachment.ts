import { useEffect, useMemo } from 'react';
import { attachmentOf, type AttachmentRef } from '../../../domain/attachments';
import { useAttachmentQuery } from '../store/api';

export type AttachmentView =
  | { state: 'none' }
  | { state: 'loading'; ref: AttachmentRef }
  | { state: 'ready'; ref: AttachmentRef; url: string }
  /** Chosen on another workstation and not on this one yet (offline, or the cloud does not have it yet). */
  | { state: 'notDownloaded'; ref: AttachmentRef };

/** A stored upload field's value as something to show: the file by its hash, loaded once and kept. */
export function useAttachment(value: unknown): AttachmentView {
  const ref = attachmentOf(value);
  const { data, refetch, isUninitialized } = useAttachmentQuery(ref?.hash ?? '', { skip: !ref });
  const notHereYet = data?.state === 'notDownloaded';
  // A "not downloaded" answer kept from earlier may be out of date by now: ask once more when shown again.
  useEffect(() => {
    if (notHereYet && !isUninitialized) void refetch();
  }, [notHereYet, isUninitialized, refetch]);
  const url = useMemo(() => (data?.state === 'ready' ? `data:${data.type};base64,${data.base64}` : null), [data]);
  if (!ref) return { state: 'none' };
  if (url) return { state: 'ready', ref, url };
  return notHereYet ? { state: 'notDownloaded', ref } : { state: 'loading', ref };
}
