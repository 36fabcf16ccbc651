import express from 'express';
import { STAFF_ROLES } from '../../domain/roles.ts';
import { requireRole } from '../../middleware/requireRole.ts';
import type { Services } from '../../services/index.ts';
import { parseId, staffContext } from '../context.ts';
import { formState, keepTyped, parseForm, type FieldError } from '../forms.ts';
import { editStaffSchema, newStaffSchema } from './staffSchema.ts';

const STAFF_FORM_FIELDS = ['fullName', 'email', 'active'];

function typedValues(body: Record<string, unknown> | undefined) {
  const roles = body?.roles;
  return { ...keepTyped(body, STAFF_FORM_FIELDS), roles: Array.isArray(roles) ? roles : roles ? [roles] : [] };
}

export function adminStaffRoutes(services: Services) {
  const router = express.Router();
  router.use('/admin/staff', requireRole('admin'));

  const renderForm = (res: express.Response, view: 'new' | 'edit', status: number, values: Record<string, unknown>, errors: FieldError[], staffId?: number) =>
    res.status(status).render(`pages/admin/staff${view === 'new' ? 'New' : 'Edit'}`, {
      pageTitleKey: view === 'new' ? 'admin:staff.new.title' : 'admin:staff.edit.title',
      backLink: '/admin/staff',
      roles: STAFF_ROLES,
      staffId,
      form: formState(values, errors),
    });

  router.get('/admin/staff', async (_req, res) => {
    res.render('pages/admin/staffList', { pageTitleKey: 'admin:staff.list.title', members: await services.staffAdmin.list() });
  });

  router.get('/admin/staff/new', (_req, res) => renderForm(res, 'new', 200, { roles: [] }, []));

  router.post('/admin/staff', async (req, res) => {
    const form = parseForm(newStaffSchema, req.body);
    if (!form.ok) return renderForm(res, 'new', 400, typedValues(req.body), form.errors);
    const result = await services.staffAdmin.create(form.data, staffContext(req));
    if (!result.ok) return renderForm(res, 'new', 400, typedValues(req.body), [{ field: result.field, code: result.code }]);
    req.session.flashMessage = { key: 'admin:staff.created', params: { name: form.data.fullName } };
    res.redirect(303, '/admin/staff');
  });

  router.get('/admin/staff/:id/edit', async (req, res, next) => {
    const id = parseId(req.params.id);
    const member = id ? await services.staffAdmin.get(id) : null;
    if (!member) return next();
    renderForm(res, 'edit', 200, { fullName: member.fullName, email: member.email, roles: member.roles, active: String(member.active) }, [], member.id);
  });

  router.post('/admin/staff/:id', async (req, res, next) => {
    const id = parseId(req.params.id);
    const member = id ? await services.staffAdmin.get(id) : null;
    if (!id || !member) return next();
    const form = parseForm(editStaffSchema, req.body);
    if (!form.ok) return renderForm(res, 'edit', 400, typedValues(req.body), form.errors, id);
    const result = await services.staffAdmin.update(id, form.data, staffContext(req));
    if (!result.ok) return renderForm(res, 'edit', 400, typedValues(req.body), [{ field: result.field, code: result.code }], id);
    req.session.flashMessage = { key: 'admin:staff.updated', params: { name: form.data.fullName } };
    res.redirect(303, '/admin/staff');
  });

  return router;
}
