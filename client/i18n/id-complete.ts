/**
 * Every Bahasa Indonesia string, the app's and every screen's: what the tests check against English
 * and load up front. The app itself never imports this (see `addScreenStrings`).
 */
import { citizensScreenId } from './citizens-screen-id';
import { evaluationFormsScreenId } from './evaluation-forms-screen-id';
import { id, type Translation } from './id';
import { policiesScreenId } from './policies-screen-id';
import { authoringScreenId } from './authoring-screen-id';
import { scriptsScreenId } from './scripts-screen-id';

export const screenStringsId = {
  citizens: citizensScreenId,
  scripts: scriptsScreenId,
  authoring: authoringScreenId,
  policies: policiesScreenId,
  evaluationForms: evaluationFormsScreenId,
};

export const idComplete: Translation = {
  ...id,
  citizens: { ...id.citizens, ...citizensScreenId },
  scripts: { ...id.scripts, ...scriptsScreenId },
  authoring: { ...id.authoring, ...authoringScreenId },
  policies: { ...id.policies, ...policiesScreenId },
  evaluationForms: { ...id.evaluationForms, ...evaluationFormsScreenId },
};
