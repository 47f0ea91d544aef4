import { createRoute } from '@tanstack/react-router';
import { memberRoute } from '../../routes/member.tsx';
import { ConsultationsPage } from './ConsultationsPage.tsx';

// Part of every member's download (not lazy): a member opens a case with no signal too.
export const consultationsRoute = createRoute({ getParentRoute: () => memberRoute, path: '/consultations', component: ConsultationsPage });
