import { createRoute } from '@tanstack/react-router';
import { memberRoute } from '../../routes/member.tsx';
import { NewConsultationPage } from './NewConsultationPage.tsx';

export const consultationNewRoute = createRoute({ getParentRoute: () => memberRoute, path: '/consultations/new', component: NewConsultationPage });
