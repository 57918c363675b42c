import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { nl } from './nl';

void i18next.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: 'nl',
  fallbackLng: 'nl',
  interpolation: { escapeValue: false },
});

export { i18next };
