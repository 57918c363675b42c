import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import nlNL from 'antd/locale/nl_NL';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Secondary and placeholder text darker than antd's defaults so they keep a 4.5:1 contrast (WCAG
 * AA). Motion off: a back office has no need for it, and antd's leave animation of a button's
 * loading icon can stall, leaving "loading" in the button's accessible name ("loading Opslaan").
 */
const theme = {
  token: { colorPrimary: '#1f6f5c', borderRadius: 6, fontSize: 14, colorTextDescription: '#595959', colorTextSecondary: '#595959', colorTextPlaceholder: '#767676', motion: false },
};

/**
 * antd's theme, locale and message/modal holders around the parts of the app drawn with antd. It
 * lives in their chunks, not in the first script: the screens drawn first (sign-in, the shell's
 * frame and the settings tree) are plain markup, so none of them waits for antd's code or for
 * ConfigProvider deriving the theme and generating its styles.
 */
export function AntdFrame({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : nlNL} theme={theme}>
      <AntApp component={false}>{children}</AntApp>
    </ConfigProvider>
  );
}
