import { defineApiMessages } from './define';

/** The content pack: updates held back because the user changed a record. */
export const contentMessages = defineApiMessages({
  'error.noHeldBackUpdate': {
    en: 'No content-pack update is waiting for “{id}”: it was taken or dismissed already.',
    zh: '“{id}”没有待处理的内容包更新：它已被采用或忽略。',
  },
  'error.heldBackUpdateChanged': {
    en: 'The content pack now offers version {available} of “{id}”, not version {asked}. Nothing was changed; look at version {available} first.',
    zh: '内容包现在提供的是“{id}”的版本 {available}，而不是版本 {asked}。未做任何更改；请先查看版本 {available}。',
  },
});
