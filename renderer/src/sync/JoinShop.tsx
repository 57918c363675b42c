import { Alert, Button, Form, Progress, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CenteredCard } from '../app/CenteredCard';
import { showServerErrors } from '../app/serverErrors';
import { api, useFirstPullQuery, useJoinShopMutation } from '../store/api';
import { useAppDispatch } from '../store/store';
import { PairingFields } from './CloudPairing';

/**
 * "Koppel aan bestaande winkel": a new workstation of a shop that exists pairs, pulls everything
 * with progress, and then shows the sign-in screen for an existing user.
 */
export function JoinShop({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const dispatch = useAppDispatch();
  const [form] = Form.useForm<{ cloudUrl: string; code: string }>();
  const [join, { isLoading }] = useJoinShopMutation();
  const [shop, setShop] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const progress = useFirstPullQuery(undefined, { skip: shop === null, pollingInterval: 500 });
  // The first pull answers only while no user exists here; "not fresh" means the users came in with it.
  const usersArrived = progress.error !== undefined && 'code' in progress.error && progress.error.code === 'not_fresh';
  const done = progress.data?.initialPullDone === true || usersArrived;

  // Once everything is in, the users exist here too: the access state moves on to sign-in.
  useEffect(() => {
    if (done) dispatch(api.util.invalidateTags(['Access', 'Settings']));
  }, [done, dispatch]);

  async function submit(values: { cloudUrl: string; code: string }) {
    setProblem(null);
    const result = await join(values);
    if ('error' in result) {
      setProblem(showServerErrors(form, result.error, ['cloudUrl', 'code']));
      return;
    }
    setShop(result.data.shopName);
  }

  return (
    <CenteredCard title={t('pairing.joinTitle')}>
      {shop === null ? (
        <>
          <Typography.Paragraph>{t('pairing.joinIntro')}</Typography.Paragraph>
          {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} role="alert" />}
          <PairingFields form={form} onFinish={(values) => void submit(values)} loading={isLoading} initialUrl="" />
          <Button type="link" onClick={onCancel} style={{ paddingInline: 0, marginTop: 8 }}>
            {t('pairing.newShop')}
          </Button>
        </>
      ) : (
        <div role="status" aria-live="polite">
          <Typography.Paragraph>{done ? t('pairing.pulled') : t('pairing.pulling', { shop, count: progress.data?.progress?.done ?? 0 })}</Typography.Paragraph>
          <Progress percent={done ? 100 : 50} status={done ? 'success' : 'active'} showInfo={false} />
          {progress.data?.lastError && <Alert type="warning" showIcon message={t('sync.lastError', { error: progress.data.lastError })} />}
        </div>
      )}
    </CenteredCard>
  );
}
