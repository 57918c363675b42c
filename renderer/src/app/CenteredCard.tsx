import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The frame of the screens before the app: setup and sign-in. */
export function CenteredCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100%', background: '#f0f2f5', padding: 24 }}>
      <main style={{ width: 440, maxWidth: '100%' }}>
        <Card>
          <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
            {title}
          </Typography.Title>
          {children}
        </Card>
      </main>
    </Flex>
  );
}
