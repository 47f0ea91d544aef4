// The members feature's public face: the roster list, who may manage whom, and issuing activation codes.
export { mayManage } from './may-manage.ts';
export { issueCodes } from './members-api.ts';
export { useMemberList } from './use-member-list.ts';
// Meetings' officers (issue 19): the names of a meeting's chosen chair, delegates and named invitees.
export { getMember } from './members-api.ts';
